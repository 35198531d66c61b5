// expect: catching System.OutOfMemoryException is not allowed
try { var s = new string('x', 1_000_000_000); }
catch (OutOfMemoryException) { } //!
