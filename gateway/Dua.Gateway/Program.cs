using Dua.Gateway.Discovery;
using Dua.Gateway.Hosting;
using Dua.Gateway.Proxy;

var builder = WebApplication.CreateBuilder(args);

builder.AddGatewayOptions();
builder.AddGatewayGrpcEndpoint();
builder.AddSiloDirectory();
builder.AddGatewayProxy();

var app = builder.Build();

app.MapGatewayHealth();
app.MapReverseProxy();

return await app.RunGatewayAsync();
