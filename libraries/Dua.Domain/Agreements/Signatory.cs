namespace Dua.Domain.Agreements;

/// <summary>Who signs for a party.</summary>
public sealed record Signatory(string Name, string Role, Party Party);
