// expect: System.Environment
Environment.Exit(1); //!
