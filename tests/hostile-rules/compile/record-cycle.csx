// expect: records are not allowed
// A record's generated ToString/GetHashCode follow a cycle without any budget check: a stack overflow.
record Node { public Node? Next { get; set; } } //!
