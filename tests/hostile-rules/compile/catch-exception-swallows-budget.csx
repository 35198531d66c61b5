// expect: catching System.Exception is not allowed
try { while (true) { } }
catch (Exception) { while (true) { } } //!
