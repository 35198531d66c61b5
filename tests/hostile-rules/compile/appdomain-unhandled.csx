// expect: System.AppDomain
AppDomain.CurrentDomain.UnhandledException += (_, _) => { }; //!
