namespace Dua.Migrations.Tests.Grains;

/// <summary>A grain whose state lives in the storage that deletes rows on clear.</summary>
public interface IScratchGrain : IGrainWithStringKey
{
    Task<int> AddAsync(int amount);

    Task ClearAsync();
}
