using Dua.Testing;

namespace Dua.Silo.Tests;

/// <summary>One private PostgreSQL cluster for this assembly's database tests (xunit finds collections only here).</summary>
[CollectionDefinition(PostgresFixture.Collection)]
public sealed class AuditPostgresCollection : ICollectionFixture<PostgresFixture>;
