// expect: System.Threading.ThreadLocal
var local = new System.Threading.ThreadLocal<int>(); //!
