// expect: await is not allowed
await System.Threading.Tasks.Task.Delay(60_000); //!
