using System.IO.Compression;
using System.Text;
using Newtonsoft.Json;
using OrderStatusFlow.Core.Domain;

namespace OrderStatusFlow.Core.Scheduling;

/// <summary>
/// The compact form of a TD SYNNEX answer held between cycles: the interpreted status as JSON (defaults left out),
/// Brotli-compressed; a typical answer takes a few hundred bytes.
/// </summary>
public static class StoredAnswer
{
    static readonly JsonSerializerSettings Settings = new()
    {
        DefaultValueHandling = DefaultValueHandling.Ignore,
        NullValueHandling = NullValueHandling.Ignore,
        Converters = [new Newtonsoft.Json.Converters.StringEnumConverter()],
    };

    public static byte[] Pack(OrderStatus status)
    {
        var json = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(status, Settings));
        using var output = new MemoryStream(json.Length / 3 + 16);
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
            brotli.Write(json);
        return output.ToArray();
    }

    public static OrderStatus Unpack(byte[] packed)
    {
        using var input = new BrotliStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var reader = new StreamReader(input, Encoding.UTF8);
        return JsonConvert.DeserializeObject<OrderStatus>(reader.ReadToEnd(), Settings)
            ?? throw new InvalidDataException("the stored TD SYNNEX answer is empty");
    }
}
