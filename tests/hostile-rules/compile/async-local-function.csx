// expect: async is not allowed
async void Later() { } //!
Later();
