// expect: finalizers are not allowed
class Leaky { ~Leaky() { while (true) { } } } //!
var leaky = new Leaky();
