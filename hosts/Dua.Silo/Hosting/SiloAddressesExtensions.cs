using System.Net;
using Orleans.Configuration;

namespace Dua.Silo.Hosting;

public static class SiloAddressesExtensions
{
    /// <summary>
    /// Orleans listens on <c>Silo:ListenAddress</c> and advertises <c>Silo:AdvertisedAddress</c> (the listen address
    /// unless set) in the membership table: the address its peers and clients dial, never 127.0.0.1 when the silo
    /// listens elsewhere.
    /// </summary>
    public static ISiloBuilder ConfigureSiloAddresses(this ISiloBuilder silo, SiloHostOptions options) =>
        silo.Configure<EndpointOptions>(endpoints =>
        {
            endpoints.AdvertisedIPAddress = options.AdvertisedIPAddress();
            endpoints.SiloPort = options.SiloPort;
            endpoints.GatewayPort = options.OrleansClientPort;
            endpoints.SiloListeningEndpoint = new IPEndPoint(options.ListenIPAddress(), options.SiloPort);
            endpoints.GatewayListeningEndpoint = new IPEndPoint(options.ListenIPAddress(), options.OrleansClientPort);
        });
}
