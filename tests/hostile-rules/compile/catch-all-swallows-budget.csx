// expect: catch-all clause is not allowed
try { while (true) { } }
catch { } //!
