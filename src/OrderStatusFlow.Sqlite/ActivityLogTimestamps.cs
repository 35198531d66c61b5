using System.Globalization;

namespace OrderStatusFlow.Sqlite;

/// <summary>The one timestamp format of the activity log: ISO-8601 UTC text, millisecond precision.</summary>
internal static class ActivityLogTimestamps
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
