using Dua.Gateway.Caching;
using Dua.Gateway.Discovery;
using Dua.Gateway.Hosting;
using Dua.Gateway.Proxy;

var builder = WebApplication.CreateBuilder(args);

builder.AddGatewayOptions();
builder.AddGatewayGrpcEndpoint();
builder.AddSiloDirectory();
builder.AddGatewayProxy();
builder.AddGatewayResponseCache();

var app = builder.Build();

app.UseGatewayResponseCache();
app.UseRouting();
app.MapGatewayHealth();
app.MapReverseProxy();

return await app.RunGatewayAsync();
