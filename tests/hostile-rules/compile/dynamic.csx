// expect: dynamic is not allowed
dynamic anything = Po; //!
