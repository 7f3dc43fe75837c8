<?xml version="1.0"?>
<!-- disk-discard-granularity: advertise a 32 MiB discard granularity on the
     disks of a Windows guest, as Hyper-V does.
     Parameters:
       targets  the vl:id of each disk's <driver>, space-separated;
       method   blockio  (libvirt 9.8 and later): discard_granularity='33554432'
                         on the disk's <blockio>, or a new
                         <blockio discard_granularity='33554432'/> after <target>;
                override (libvirt 8.2 and later): the disk gets the user alias
                         ua-DEV (DEV its target dev) after <target> unless it
                         has a user alias already (one that does not start
                         with "ua-" is only kept by libvirt for running
                         domains, so it is renamed), and a
                         <qemu:device alias='ua-DEV'> in <qemu:override> sets
                         the frontend property discard_granularity; the
                         override is added at the end of <domain> (declaring
                         xmlns:qemu there) when there is none, and a device
                         the override already has for the alias gets the
                         property. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                xmlns:libxslt="http://xmlsoft.org/XSLT/namespace"
                xmlns:q="http://libvirt.org/schemas/domain/qemu/1.0"
                exclude-result-prefixes="vl libxslt q">
  <xsl:param name="targets"/>
  <xsl:param name="method"/>

  <xsl:variable name="Q" select="'http://libvirt.org/schemas/domain/qemu/1.0'"/>
  <xsl:variable name="granularity" select="'33554432'"/>
  <xsl:variable name="disks"
                select="/domain/devices/disk[driver[contains($targets, concat(' ', @vl:id, ' '))]]"/>
  <!-- the override the devices go into: libvirt reads the first one -->
  <xsl:variable name="override" select="/domain/q:override[1]"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- The user alias DISK has or gets. -->
  <xsl:template name="alias-of">
    <xsl:param name="disk"/>
    <xsl:choose>
      <xsl:when test="starts-with($disk/alias/@name, 'ua-')">
        <xsl:value-of select="$disk/alias/@name"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('ua-', $disk/target/@dev)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/domain/devices/disk">
    <xsl:choose>
      <xsl:when test="count(. | $disks) != count($disks)">
        <xsl:copy>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:copy>
      </xsl:when>
      <xsl:when test="$method = 'blockio'">
        <xsl:copy>
          <xsl:apply-templates select="@*"/>
          <xsl:for-each select="node()">
            <xsl:choose>
              <xsl:when test="self::blockio">
                <xsl:copy>
                  <xsl:apply-templates select="@*"/>
                  <xsl:attribute name="discard_granularity">
                    <xsl:value-of select="$granularity"/>
                  </xsl:attribute>
                  <xsl:apply-templates select="node()"/>
                </xsl:copy>
              </xsl:when>
              <xsl:otherwise>
                <xsl:apply-templates select="."/>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:if test="self::target and not(../blockio)">
              <blockio discard_granularity="{$granularity}"/>
            </xsl:if>
          </xsl:for-each>
        </xsl:copy>
      </xsl:when>
      <xsl:when test="$method = 'override'">
        <xsl:variable name="alias">
          <xsl:call-template name="alias-of">
            <xsl:with-param name="disk" select="."/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:copy>
          <xsl:apply-templates select="@*"/>
          <xsl:for-each select="node()">
            <xsl:choose>
              <xsl:when test="self::alias">
                <xsl:copy>
                  <xsl:apply-templates select="@*"/>
                  <xsl:attribute name="name">
                    <xsl:value-of select="$alias"/>
                  </xsl:attribute>
                  <xsl:apply-templates select="node()"/>
                </xsl:copy>
              </xsl:when>
              <xsl:otherwise>
                <xsl:apply-templates select="."/>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:if test="self::target and not(../alias)">
              <alias name="{$alias}"/>
            </xsl:if>
          </xsl:for-each>
        </xsl:copy>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- <qemu:property name='discard_granularity' .../> with prefix P ("qemu:" or ""). -->
  <xsl:template name="property">
    <xsl:param name="p"/>
    <xsl:element name="{$p}property" namespace="{$Q}">
      <xsl:attribute name="name">discard_granularity</xsl:attribute>
      <xsl:attribute name="type">unsigned</xsl:attribute>
      <xsl:attribute name="value">
        <xsl:value-of select="$granularity"/>
      </xsl:attribute>
    </xsl:element>
  </xsl:template>

  <xsl:template name="frontend">
    <xsl:param name="p"/>
    <xsl:element name="{$p}frontend" namespace="{$Q}">
      <xsl:call-template name="property">
        <xsl:with-param name="p" select="$p"/>
      </xsl:call-template>
    </xsl:element>
  </xsl:template>

  <!-- A new <qemu:device> for each targeted disk that the override (the
       element list EXISTING) has no device for. -->
  <xsl:template name="new-devices">
    <xsl:param name="p"/>
    <xsl:param name="existing" select="/.."/>
    <xsl:for-each select="$disks">
      <xsl:variable name="alias">
        <xsl:call-template name="alias-of">
          <xsl:with-param name="disk" select="."/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:if test="not($existing[@alias = $alias])">
        <xsl:element name="{$p}device" namespace="{$Q}">
          <xsl:attribute name="alias">
            <xsl:value-of select="$alias"/>
          </xsl:attribute>
          <xsl:call-template name="frontend">
            <xsl:with-param name="p" select="$p"/>
          </xsl:call-template>
        </xsl:element>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="/domain">
    <xsl:choose>
      <xsl:when test="$method = 'override' and $disks and not($override)">
        <xsl:variable name="bound" select="namespace::*[. = $Q and name() != ''][1]"/>
        <xsl:variable name="prefix">
          <xsl:choose>
            <xsl:when test="$bound">
              <xsl:value-of select="name($bound)"/>
            </xsl:when>
            <xsl:otherwise>qemu</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="holder">
          <xsl:element name="{$prefix}:x" namespace="{$Q}"/>
        </xsl:variable>
        <xsl:copy>
          <xsl:if test="not($bound)">
            <xsl:copy-of select="libxslt:node-set($holder)/*/namespace::*[name() = $prefix]"/>
          </xsl:if>
          <xsl:apply-templates select="@*|node()"/>
          <xsl:element name="{$prefix}:override" namespace="{$Q}">
            <xsl:call-template name="new-devices">
              <xsl:with-param name="p" select="concat($prefix, ':')"/>
            </xsl:call-template>
          </xsl:element>
        </xsl:copy>
      </xsl:when>
      <xsl:otherwise>
        <xsl:copy>
          <xsl:apply-templates select="@*|node()"/>
        </xsl:copy>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An existing override: devices for the disks it lacks go at its end. -->
  <xsl:template match="/domain/q:override">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
      <xsl:if test="$method = 'override' and count(. | $override) = 1">
        <xsl:call-template name="new-devices">
          <xsl:with-param name="p" select="substring-before(name(), 'override')"/>
          <xsl:with-param name="existing" select="q:device"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <!-- A device the override has for a targeted disk: the property goes into
       its frontend, or a new frontend. -->
  <xsl:template match="/domain/q:override/q:device">
    <xsl:variable name="alias" select="string(@alias)"/>
    <xsl:variable name="mine"
                  select="$method = 'override' and count(.. | $override) = 1 and
                          not(preceding-sibling::q:device[@alias = $alias]) and
                          $disks[(starts-with(alias/@name, 'ua-') and alias/@name = $alias) or
                                 (not(starts-with(alias/@name, 'ua-')) and concat('ua-', target/@dev) = $alias)]"/>
    <xsl:variable name="p" select="substring-before(name(), 'device')"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:for-each select="node()">
        <xsl:choose>
          <xsl:when test="$mine and self::q:frontend and not(preceding-sibling::q:frontend)">
            <xsl:copy>
              <xsl:apply-templates select="@*|node()"/>
              <xsl:call-template name="property">
                <xsl:with-param name="p" select="$p"/>
              </xsl:call-template>
            </xsl:copy>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="."/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:if test="$mine and not(q:frontend)">
        <xsl:call-template name="frontend">
          <xsl:with-param name="p" select="$p"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
