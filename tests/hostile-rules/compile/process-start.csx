// expect: error CS0234
// Its assembly is not referenced at all, so it cannot even bind.
System.Diagnostics.Process.Start("sh", "-c 'kill -9 $PPID'"); //!
