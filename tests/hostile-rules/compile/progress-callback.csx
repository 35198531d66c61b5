// expect: System.IProgress
// Progress<T> posts the callback to the thread pool, outside the budget and outside any catch.
((IProgress<int>)new Progress<int>(_ => throw new InvalidOperationException("x"))).Report(0); //!
