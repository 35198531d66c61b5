// expect: System.Threading.Tasks.Task
System.Threading.Tasks.Task.Run(() => { while (true) { } }); //!
