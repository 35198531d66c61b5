// expect: delegate types are not allowed
delegate void Callback(); //!
