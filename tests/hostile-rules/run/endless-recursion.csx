// expect: recursed too deeply
int Down(int n) => Down(n + 1);
if (Po.Number == "__PO__")
    Down(0);
