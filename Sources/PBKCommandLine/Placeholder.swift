public enum PBKCommandLinePlaceholder {}
