// expect: System.Threading.ThreadPool
System.Threading.ThreadPool.QueueUserWorkItem(_ => throw new InvalidOperationException()); //!
