using Dua.Testing;
using Dua.Grains.Abstractions;

namespace Dua.Grains.Tests;

/// <summary>One private PostgreSQL cluster for this assembly's database tests (xunit finds collections only here).</summary>
[CollectionDefinition(PostgresFixture.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>;
