using System.Security.Cryptography;
using System.Text;

namespace CxBot.Domain.Surveys;

/// <summary>SHA-256 over a purpose prefix and a contact id, so each use of the id hashes independently.</summary>
internal static class ContactHash
{
    public static byte[] Compute(string purpose, string contactId)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        return SHA256.HashData(Encoding.UTF8.GetBytes(purpose + "|" + contactId));
    }
}
