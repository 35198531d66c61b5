// expect: is not allowed in rules
var memory = System.Runtime.InteropServices.Marshal.AllocHGlobal(1 << 30); //!
