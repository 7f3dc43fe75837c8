<?xml version="1.0"?>
<!-- interface-queue-size (also interface-queue-size-range): give a virtio
     NIC's ring sizes values QEMU accepts: the largest power of two not above
     the value, within 256..1024; tx_queue_size at most 256 unless the
     interface is vhostuser or vdpa.  Only targeted <driver> elements change,
     and only attributes that are out of bounds.
     Parameters: targets, the vl:id of each <driver> to fix; queues, the
     attributes to fix (rx_queue_size, tx_queue_size), space-separated. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                exclude-result-prefixes="vl">
  <xsl:param name="targets"/>
  <xsl:param name="queues"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- the largest power of two <= $n (1 for $n < 2) -->
  <xsl:template name="floor-pow2">
    <xsl:param name="n"/>
    <xsl:param name="p" select="1"/>
    <xsl:choose>
      <xsl:when test="$p * 2 &lt;= $n">
        <xsl:call-template name="floor-pow2">
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="p" select="$p * 2"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$p"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/domain/devices/interface/driver/@rx_queue_size|/domain/devices/interface/driver/@tx_queue_size">
    <xsl:variable name="max">
      <xsl:choose>
        <xsl:when test="local-name() = 'tx_queue_size' and not(../../@type = 'vhostuser' or ../../@type = 'vdpa')">256</xsl:when>
        <xsl:otherwise>1024</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="floor">
      <xsl:call-template name="floor-pow2">
        <xsl:with-param name="n" select="number(.)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="want">
      <xsl:choose>
        <xsl:when test="$floor &lt; 256">256</xsl:when>
        <xsl:when test="$floor &gt; number($max)"><xsl:value-of select="$max"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$floor"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="contains($targets, concat(' ', ../@vl:id, ' ')) and string(number(.)) != 'NaN'
                      and contains(concat(' ', $queues, ' '), concat(' ', local-name(), ' '))">
        <xsl:attribute name="{local-name()}">
          <xsl:value-of select="$want"/>
        </xsl:attribute>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
