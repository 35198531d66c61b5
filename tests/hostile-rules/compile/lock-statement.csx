// expect: lock is not allowed
lock ("shared") { while (true) { } } //!
