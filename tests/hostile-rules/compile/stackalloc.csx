// expect: stackalloc are not allowed
Span<byte> block = stackalloc byte[1_000_000]; //!
