// expect: System.IO
var names = from f in System.IO.Directory.EnumerateFiles("/") select f; //!
