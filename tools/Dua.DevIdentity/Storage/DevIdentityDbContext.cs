using Microsoft.EntityFrameworkCore;

namespace Dua.DevIdentity.Storage;

/// <summary>OpenIddict's tables (clients, authorizations, tokens); nothing else is stored.</summary>
public sealed class DevIdentityDbContext(DbContextOptions<DevIdentityDbContext> options) : DbContext(options);
