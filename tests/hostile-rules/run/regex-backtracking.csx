// expect: RegexMatchTimeoutException
if (Po.Number == "__PO__")
{
    var re = new System.Text.RegularExpressions.Regex("(a+)+$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(50));
    Set("u_x", re.IsMatch(new string('a', 40) + "!") ? "y" : "n");
}
