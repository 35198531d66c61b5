// expect: System.GC
GC.Collect(); //!
