using Dua.Testing;

namespace Dua.Migrations.Tests;

/// <summary>One private PostgreSQL cluster for all tests of this assembly.</summary>
[CollectionDefinition(PostgresFixture.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>;
