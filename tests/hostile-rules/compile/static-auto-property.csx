// expect: static auto-properties are not allowed
class Counter { public static int Seen { get; set; } } //!
