namespace Dua.Migrations.Tests.Grains;

/// <summary>A grain whose state goes through the ADO.NET grain storage under test.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> GetAsync();

    Task<int> AddAsync(int amount);

    Task ClearAsync();
}
