import { channel } from './define'

// Channels of the stats feature. (`channel` is imported for the declarations to come.)
void channel

export const statsChannels = {}
