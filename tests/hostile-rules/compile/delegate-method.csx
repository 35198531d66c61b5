// expect: System.Reflection.MethodInfo
Func<int> f = () => 1;
var method = f.Method; //!
