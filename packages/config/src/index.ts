export { loadConfig, s3EndpointFrom, type AppConfig } from './load-config';
