// expect: typeof is not allowed
var name = typeof(string).Name; //!
