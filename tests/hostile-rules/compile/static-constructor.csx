// expect: static constructors are not allowed
class Once { static Once() { } } //!
