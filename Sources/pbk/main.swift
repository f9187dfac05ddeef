import PBKCommandLine

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// A closed pipe is an error a write reports (and pbk says so), not a signal that ends it without a word.
signal(SIGPIPE, SIG_IGN)
let out = FileSink(descriptor: 1)
let err = FileSink(descriptor: 2)
let code = PBK(out: out, err: err, outputIsTerminal: out.isTerminal, errorIsTerminal: err.isTerminal).run(Array(CommandLine.arguments.dropFirst()))
out.flush()
err.flush()
if code == 0, let failure = out.failure {
  err.write("pbk: cannot write to standard output: \(failure)\n")
  err.flush()
  exit(1)
}
exit(code)
