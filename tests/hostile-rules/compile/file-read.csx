// expect: System.IO.File
Set("u_x", System.IO.File.ReadAllText("/etc/passwd")); //!
