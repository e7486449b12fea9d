// Tests build their configuration explicitly; this only keeps stray library logs quiet.
process.env.NODE_ENV = 'test';
