// expect: #r is not allowed
#r "System.IO.dll" //!
