using System.Text.Json.Serialization;

namespace CxBot.App.People;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StaffEntryRequest))]
[JsonSerializable(typeof(StaffEntryResponse))]
[JsonSerializable(typeof(IReadOnlyList<StaffEntryResponse>))]
[JsonSerializable(typeof(StaffImportResponse))]
internal sealed partial class StaffJsonContext : JsonSerializerContext;
