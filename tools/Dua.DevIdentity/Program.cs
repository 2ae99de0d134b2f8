using Dua.DevIdentity.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddDevIdentityOptions();
builder.AddDevIdentityServer();

var app = builder.Build();

app.UseDevIdentity();

return await app.RunDevIdentityAsync();
