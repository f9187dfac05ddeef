import PBKCommandLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let out = FileSink(descriptor: 1)
let err = FileSink(descriptor: 2)
let code = PBK(out: out, err: err, outputIsTerminal: out.isTerminal).run(Array(CommandLine.arguments.dropFirst()))
out.flush()
err.flush()
exit(code)
