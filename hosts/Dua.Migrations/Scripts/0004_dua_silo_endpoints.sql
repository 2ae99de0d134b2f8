-- Where each live silo serves gRPC. The gateway joins this with orleansmembershiptable
-- (deploymentid/address/port/generation, status = 3 Active) to find live destinations;
-- a row whose silo is no longer active is ignored by that join.

CREATE TABLE dua_silo_endpoints
(
    cluster_id varchar(150) NOT NULL,
    address varchar(45) NOT NULL,
    port integer NOT NULL,
    generation integer NOT NULL,
    grpc_endpoint varchar(200) NOT NULL,
    registered_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cluster_id, address, port, generation)
);
