using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CxBot.Cards;

namespace CxBot.App.Tests.Cards;

/// <summary>
/// Approved JSON snapshots of cards, kept in a <c>Snapshots</c> folder beside the calling test file as
/// <c>{name}.approved.json</c>. The card JSON is normalised (<c>type</c> first, then properties in ordinal
/// order, indented) and compared with <see cref="JsonNode.DeepEquals"/>; on a difference the new JSON is
/// written to <c>{name}.received.json</c> and the test fails saying how to approve it.
/// </summary>
internal static class CardSnapshot
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Verify(AdaptiveCard card, string name, [CallerFilePath] string callerPath = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(callerPath)!, "Snapshots");
        var approvedPath = Path.Combine(folder, name + ".approved.json");
        var receivedPath = Path.Combine(folder, name + ".received.json");
        var received = Normalize(CardJson.ToJsonObject(card))!;
        var approved = File.Exists(approvedPath) ? JsonNode.Parse(File.ReadAllText(approvedPath)) : null;

        if (approved is not null && JsonNode.DeepEquals(approved, received))
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(receivedPath, ToText(received));
        var what = approved is null ? $"There is no approved snapshot {approvedPath}." : $"The card differs from {approvedPath}.";
        Assert.Fail($"{what} Review {receivedPath}; if it is right, approve it with: mv \"{receivedPath}\" \"{approvedPath}\"");
    }

    public static string ToText(JsonNode node) => node.ToJsonString(Indented) + "\n";

    public static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(p => p.Key == "type" ? 0 : 1)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Normalize)]),
        _ => node?.DeepClone(),
    };
}
