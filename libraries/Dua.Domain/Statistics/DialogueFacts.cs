namespace Dua.Domain.Statistics;

/// <summary>What the statistics need of a county's dialogues; <see cref="Version"/> grows with every change to them.</summary>
public sealed record DialogueFacts(string CountyCode, long Version, int Open);
